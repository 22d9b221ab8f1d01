// Subpackage `subpackages/mutual-aid`: 心愿树. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('wish')

export default function MutualAidPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
