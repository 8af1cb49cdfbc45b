import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

/** A code Cognito would have emailed: a forgotten password's, or an attribute's verification. */
export interface CognitoCode {
  destination: string;
  code: string;
}

/** The terminal colour codes cognito-local's logger puts around its lines. */
const COLOUR_CODES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const CODE = /Destination:\s+(\S+)[^\n]*\n[^\n]*Code:\s+(\S+)/;

/** The codes in cognito-local's output, as it prints them ("Destination: …", then "Code: …"), across however the output is chunked. */
export function cognitoCodeReader(onCode: (code: CognitoCode) => void): (text: string) => void {
  let buffer = '';
  return (text) => {
    buffer = (buffer + text.replace(COLOUR_CODES, '')).slice(-8000);
    for (let match = CODE.exec(buffer); match; match = CODE.exec(buffer)) {
      onCode({ destination: match[1]!, code: match[2]! });
      buffer = buffer.slice(match.index + match[0].length);
    }
  };
}

/**
 * Sends a code to the local inbox as Cognito would email it in AWS, so that a person trying
 * "forgotten password" locally finds it where they look for mail.
 */
export async function deliverCognitoCode(ses: SESv2Client, senderAddress: string, { destination, code }: CognitoCode): Promise<void> {
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: senderAddress,
      Destination: { ToAddresses: [destination] },
      Content: {
        Simple: {
          Subject: { Data: 'Your FiftySix verification code' },
          Body: {
            Text: {
              Data: `Your verification code is ${code}. Enter it on FiftySix’s “Choose a new password” page.\n\n(In AWS, Amazon Cognito sends this email; locally it arrives in this inbox.)`,
            },
          },
        },
      },
    }),
  );
}
