// Subpackage `subpackages/mall`: 积分商城. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('mall')

export default function MallPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
