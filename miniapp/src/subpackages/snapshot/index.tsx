// Subpackage `subpackages/snapshot`: 随手拍. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('snapshot')

export default function SnapshotPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
