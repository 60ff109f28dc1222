import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { splitList as list } from '../app/lists';
import { FormError, formErrors, TextField } from '../app/form';
import { Time } from '../app/Time';
import { graphql } from '../gql';

const ApiKeysDocument = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      plants
      kinds
      rateLimitPerMinute
      createdAt
      createdBy
      revoked
    }
  }
`);
const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      token
      apiKey {
        id
        name
      }
    }
  }
`);
const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`);

/** Settings > API keys (admin): keys for gateways and middleware to send data; the key is shown once. */
export function ApiKeysPage() {
  const [result, reexecute] = useQuery({ query: ApiKeysDocument });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const [createState, create] = useMutation(CreateApiKeyDocument);
  const [revokeState, revoke] = useMutation(RevokeApiKeyDocument);
  const [d, setD] = useState({ name: '', plants: '', kinds: 'hops, device_events, erp_postings', rate: '' });
  const [token, setToken] = useState('');
  const errors = formErrors(createState.error, ['name', 'plants', 'kinds', 'rateLimitPerMinute']);
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setToken('');
    const r = await create({
      input: {
        name: d.name,
        plants: list(d.plants),
        kinds: list(d.kinds),
        rateLimitPerMinute: d.rate.trim() ? Number(d.rate) : null,
      },
    });
    if (r.data) {
      setToken(r.data.createApiKey.token);
      reload();
    }
  };
  return (
    <section className="page" aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <p className="muted">
        For gateways, brokers and middleware sending hops, device events and postings. Only a hash is stored.
      </p>
      {result.error && <p className="page__error">Could not load: {errorMessage(result.error)}</p>}
      {revokeState.error && <p className="page__error">Could not revoke: {errorMessage(revokeState.error)}</p>}
      {!result.data && !result.error && <p role="status">Loading…</p>}
      {result.data && (
        <table className="table" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Plants</th>
              <th scope="col">Data</th>
              <th scope="col">Rate limit</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {result.data.apiKeys.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>{k.plants.join(', ')}</td>
                <td>{k.kinds.join(', ')}</td>
                <td>{k.rateLimitPerMinute} / min</td>
                <td>
                  {k.createdBy}, <Time iso={k.createdAt} />
                </td>
                <td>
                  {k.revoked ? (
                    'revoked'
                  ) : (
                    <button
                      className="button button--small button--danger"
                      type="button"
                      onClick={() => void revoke({ id: k.id }).then((r) => !r.error && reload())}
                    >
                      Revoke {k.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form" aria-label="New API key" onSubmit={(e) => void submit(e)}>
        <h2 className="form__title">A new key</h2>
        <FormError>{errors.general}</FormError>
        <div className="form__grid">
          <TextField
            label="Name"
            name="name"
            value={d.name}
            onChange={set('name')}
            error={errors.of('name')}
            hint="Who uses it, e.g. Plant A edge gateway"
          />
          <TextField
            label="Plants"
            name="plants"
            value={d.plants}
            onChange={set('plants')}
            error={errors.of('plants')}
            hint="Comma-separated, or * for every plant"
          />
          <TextField label="Data" name="kinds" value={d.kinds} onChange={set('kinds')} error={errors.of('kinds')} />
          <TextField
            label="Requests per minute"
            name="rateLimitPerMinute"
            type="number"
            value={d.rate}
            onChange={set('rate')}
            error={errors.of('rateLimitPerMinute')}
          />
        </div>
        <div className="form__actions">
          <button className="button button--primary" type="submit">
            Create key
          </button>
        </div>
        {token && (
          <p className="form__ok" role="status">
            The key, shown this once: <code data-testid="new-api-key">{token}</code>
          </p>
        )}
      </form>
    </section>
  );
}
