import { useParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { PointActions } from './PointActions';
import { PointView } from './PointView';

/** /points/:pointId — the point with what the user may do on it. */
export function PointDetailPage() {
  const { pointId = '' } = useParams();
  const point = useApi('get /api/points/{pointId}', { path: { pointId } });
  return (
    <QueryState query={point}>
      {(p) => <PointView point={p} actions={<PointActions point={p} />} />}
    </QueryState>
  );
}
