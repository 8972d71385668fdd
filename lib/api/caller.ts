/** The caller of a REST request (Heat or Keystone): its X-Auth-Token, validated by the identity service. */
import { IdentityError, type Identity, type TokenInfo } from "../services/identity";

/** Keystone's answer to a request without a valid token. */
const UNAUTHORIZED = "The request you have made requires authentication.";

/** What the request's X-Auth-Token stands for; IdentityError("Unauthorized") when it is missing or not valid. */
export async function callerToken(identity: Pick<Identity, "validate">, request: Request): Promise<TokenInfo> {
  const token = request.headers.get("x-auth-token");
  if (!token) throw new IdentityError("Unauthorized", UNAUTHORIZED);
  return identity.validate(token).catch(() => {
    throw new IdentityError("Unauthorized", UNAUTHORIZED);
  });
}
