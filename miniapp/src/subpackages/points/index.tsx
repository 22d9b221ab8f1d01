// Subpackage `subpackages/points`: 积分. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('points')

export default function PointsPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
