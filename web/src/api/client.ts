import { cacheExchange, Client, fetchExchange, getOperationName, mapExchange } from 'urql';
import { errorCode } from './errors';
import { freshAfterMutationExchange } from './fresh-after-mutation';

/**
 * One client per signed-in session: signing in or out makes a new one, so no answer cached for the
 * last person can show for the next. The session is the HttpOnly cookie the server set at sign-in;
 * no token is ever held by script.
 *
 * Every request is a JSON POST: the server's CSRF prevention refuses GET queries and form posts, and
 * urql would otherwise send short queries as GET.
 */
export function createGraphqlClient(onSessionEnded: () => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      // A session that ends while a page is open (expired, signed out elsewhere, password reset)
      // sends the person back to sign-in. Me and Login answer UNAUTHENTICATED as their normal
      // "nobody is signed in" / "refused": the sign-in page shows those, and starting over on them
      // would only ask again.
      mapExchange({
        onError(error, operation) {
          const name = getOperationName(operation.query);
          if (name !== 'Me' && name !== 'Login' && errorCode(error) === 'UNAUTHENTICATED') onSessionEnded();
        },
      }),
      freshAfterMutationExchange,
      fetchExchange,
    ],
  });
}
