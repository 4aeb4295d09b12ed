import {
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { App } from 'antd';
import { api, type ApiError, type RequestOf } from './client';
import { useFailure } from './refusal';
import type { ApiResponses } from './responses';

type Key = keyof ApiResponses;

/** Reads one operation through the query cache; the key is the operation and its request. */
export function useApi<K extends Key>(
  operation: K,
  request?: RequestOf<K>,
  options: Omit<UseQueryOptions<ApiResponses[K], ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ApiResponses[K], ApiError>({
    queryKey: [operation, request ?? {}] as QueryKey,
    queryFn: () =>
      (api as (k: K, r?: RequestOf<K>) => Promise<ApiResponses[K]>)(operation, request),
    ...options,
  });
}

/**
 * An action on the API. A refusal shows the API's reason (by its code, in the page's language); success shows `done` (if given)
 * and refreshes every cached read, since an action on a point changes lists, counts and boards.
 */
export function useAction<V, R>(
  run: (variables: V) => Promise<R>,
  opts: { done?: string; onSuccess?: (result: R, variables: V) => void } = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const failure = useFailure();
  return useMutation<R, ApiError, V>({
    mutationFn: run,
    onSuccess: async (result, variables) => {
      if (opts.done) void message.success(opts.done);
      await queryClient.invalidateQueries();
      opts.onSuccess?.(result, variables);
    },
    onError: (error) => {
      void message.error(failure(error));
    },
  });
}

/** A fresh idempotency key for one action: a double click sends the same one twice. */
export const newRequestId = (): string => crypto.randomUUID();
