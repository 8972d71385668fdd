import type { Locator, Page } from "@playwright/test";

/** Page object of the login page (/login). */
export class LoginPage {
  constructor(readonly page: Page) {}

  /** Opens the login page directly (optionally with a query such as "?next=/launch"). */
  async goto(query = ""): Promise<void> {
    await this.page.goto(`/login${query}`);
  }

  /** Fills in and sends the form; `project` empty means the user's first project. */
  async logIn(user: string, password: string, project = ""): Promise<void> {
    await this.page.getByTestId("login-user").fill(user);
    await this.page.getByTestId("login-password").fill(password);
    await this.page.getByTestId("login-project").fill(project);
    await this.page.getByTestId("login-submit").click();
  }

  /** The refusal shown above the form (wrong password, no such project). */
  get error(): Locator {
    return this.page.getByTestId("login-error");
  }

  /** The note on why the page opened (session ended, logged out). */
  get message(): Locator {
    return this.page.getByTestId("login-message");
  }

  /** The form itself. */
  get form(): Locator {
    return this.page.getByTestId("login-form");
  }
}

/** The session part of the console's header: project switcher, user, role, log out. */
export class SessionHeader {
  constructor(readonly page: Page) {}

  /** The project switcher (a select; its selected option is the current project). */
  get switcher(): Locator {
    return this.page.getByTestId("project-switcher");
  }

  /** The signed-in user's name. */
  get user(): Locator {
    return this.page.getByTestId("session-user");
  }

  /** The role badge (icon and text). */
  get role(): Locator {
    return this.page.getByTestId("session-role");
  }

  /** Switches to another project by name; resolves once the page has reloaded in it. */
  async switchTo(project: string): Promise<void> {
    await this.switcher.selectOption({ label: project });
    await Promise.all([this.page.waitForEvent("load"), this.page.getByTestId("project-switch").click()]);
  }

  /** Logs out (the token is revoked) and waits for the login page. */
  async logOut(): Promise<void> {
    await this.page.getByTestId("logout").click();
    await this.page.waitForURL(/\/login/);
  }
}
