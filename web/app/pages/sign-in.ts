import { api } from '../api';
import { replace } from '../dom';
import { form, text } from '../forms';
import { type FieldError, heading, link, paragraph, textInput } from '../govuk';

/** Where to go once signed in: the page that asked for it, if it was one of ours. */
function next(): string {
  const wanted = new URLSearchParams(location.search).get('next') ?? '/';
  return wanted.startsWith('/') && !wanted.startsWith('//') ? wanted : '/';
}

/** Where the forms keep the email between steps, so a person types it once. */
const remembered = { email: '' };

const required = (data: FormData, fields: Array<[string, string, string]>): FieldError[] =>
  fields.flatMap(([name, id, message]) => (text(data, name) ? [] : [{ field: id, message }]));

/** The email field's error, in the GOV.UK pattern's words, or none. */
function emailProblem(data: FormData): FieldError[] {
  const email = text(data, 'email');
  if (!email) return [{ field: 'email', message: 'Enter your email address' }];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }];
  return [];
}

/** A new password typed twice: both given, and the same. */
function newPasswordProblems(data: FormData): FieldError[] {
  const newPassword = String(data.get('new-password') ?? '');
  if (!newPassword) return [{ field: 'new-password', message: 'Enter a new password' }];
  if (newPassword !== String(data.get('confirm-password') ?? '')) return [{ field: 'confirm-password', message: 'The passwords do not match' }];
  return [];
}

const PASSWORD_RULES = 'At least 12 characters, with capital and small letters, a number and a symbol';

const newPasswordFields = () => [
  textInput('new-password', { id: 'new-password', label: 'New password', hint: PASSWORD_RULES, type: 'password', autocomplete: 'new-password' }),
  textInput('confirm-password', { id: 'confirm-password', label: 'Confirm new password', type: 'password', autocomplete: 'new-password' }),
];

export function signInPage(main: HTMLElement, navigate: (path: string) => void): string {
  replace(
    main,
    heading('Sign in to FiftySix'),
    paragraph('FiftySix tracks your office’s section 55 responses to HMICFRS reports: what is due, what is missing, and what has been done.'),
    form(
      {
        submit: 'Sign in',
        onSubmit: async (data) => {
          const missing = [...emailProblem(data), ...required(data, [['password', 'password', 'Enter your password']])];
          if (missing.length > 0) return missing;
          remembered.email = text(data, 'email');
          const answer = await api<{ signedIn?: boolean; newPasswordRequired?: boolean }>('POST', '/session', {
            email: remembered.email,
            password: String(data.get('password')),
          });
          navigate(answer.newPasswordRequired ? `/new-password?next=${encodeURIComponent(next())}` : next());
          return undefined;
        },
      },
      textInput('email', { id: 'email', label: 'Email', type: 'email', autocomplete: 'username', spellcheck: false, value: remembered.email }),
      textInput('password', { id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' }),
    ),
    paragraph(link('/forgotten-password', 'Forgotten your password?')),
  );
  return 'Sign in';
}

export function newPasswordPage(main: HTMLElement, navigate: (path: string) => void): string {
  replace(
    main,
    heading('Create a new password'),
    paragraph('This is your first sign-in: choose a password of your own to replace the one you were sent.'),
    form(
      {
        submit: 'Save password and sign in',
        onSubmit: async (data) => {
          const problems = [...(remembered.email ? [] : emailProblem(data)), ...newPasswordProblems(data)];
          if (problems.length > 0) return problems;
          const newPassword = String(data.get('new-password'));
          await api('POST', '/session/new-password', { email: remembered.email || text(data, 'email'), newPassword });
          navigate(next());
          return undefined;
        },
      },
      remembered.email ? null : textInput('email', { id: 'email', label: 'Email', type: 'email', autocomplete: 'username' }),
      ...newPasswordFields(),
    ),
  );
  return 'Create a new password';
}

export function forgottenPasswordPage(main: HTMLElement, navigate: (path: string) => void): string {
  replace(
    main,
    heading('Reset your password'),
    paragraph('Enter the email address you sign in with. If it has an account, we will email it a code to choose a new password.'),
    form(
      {
        submit: 'Send the code',
        onSubmit: async (data) => {
          const missing = emailProblem(data);
          if (missing.length > 0) return missing;
          remembered.email = text(data, 'email');
          await api('POST', '/session/forgotten-password', { email: remembered.email });
          navigate('/reset-password');
          return undefined;
        },
      },
      textInput('email', { id: 'email', label: 'Email', type: 'email', autocomplete: 'username', value: remembered.email }),
    ),
    paragraph(link('/sign-in', 'Back to sign in')),
  );
  return 'Reset your password';
}

export function resetPasswordPage(main: HTMLElement): string {
  replace(
    main,
    heading('Choose a new password'),
    paragraph(
      remembered.email ? `If ${remembered.email} has an account, we have sent it an email with a code.` : 'Enter the code we emailed you.',
      ' The code works for an hour.',
    ),
    form(
      {
        submit: 'Reset password',
        onSubmit: async (data) => {
          const missing = [...emailProblem(data), ...required(data, [['code', 'code', 'Enter the code from the email']]), ...newPasswordProblems(data)];
          if (missing.length > 0) return missing;
          await api('POST', '/session/reset-password', { email: text(data, 'email'), code: text(data, 'code'), newPassword: String(data.get('new-password')) });
          replace(main, heading('Your password has been reset'), paragraph(link('/sign-in', 'Sign in with your new password')));
          return undefined;
        },
      },
      textInput('email', { id: 'email', label: 'Email', type: 'email', autocomplete: 'username', value: remembered.email }),
      textInput('code', { id: 'code', label: 'Code', hint: 'The code in the email, for example 123456', autocomplete: 'one-time-code', width: '10' }),
      ...newPasswordFields(),
    ),
    paragraph(link('/forgotten-password', 'Send another code')),
  );
  return 'Choose a new password';
}
