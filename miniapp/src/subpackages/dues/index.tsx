// Subpackage `subpackages/dues`: 党费交纳. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('dues')

export default function DuesPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
