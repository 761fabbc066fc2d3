/** What a new password must be, in the words the form shows. */

export const minimumPasswordLength = 12;
const maximumPasswordLength = 256;

/** The problem with a new password and its repetition, or null when it can be used. */
export function passwordProblem(password: string, repeated: string): string | null {
  if (password.length < minimumPasswordLength) {
    return `Adgangskoden skal have mindst ${minimumPasswordLength} tegn. En sætning af nogle ord er let at huske og svær at gætte.`;
  }
  if (password.length > maximumPasswordLength) return `Adgangskoden må højst have ${maximumPasswordLength} tegn.`;
  if (new Set(password).size < 4) return 'Adgangskoden skal bestå af mere end et par forskellige tegn.';
  if (password !== repeated) return 'De to adgangskoder er ikke ens. Skriv den samme i begge felter.';
  return null;
}
