/** A form's refusal message (role=alert, so it is read out when it appears); nothing when there is none. */
export function FormAlert({ message, testId }: { message: string | undefined; testId: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
