// Subpackage `subpackages/branch`: 网上支部. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('branch')

export default function BranchPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
