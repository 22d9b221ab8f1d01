// Subpackage `subpackages/meetings`: 组织生活. A later issue replaces this page with the module.
import { ComingSoon } from '../../components/ComingSoon'
import { moduleByKey } from '../../modules'

const mod = moduleByKey('meetings')

export default function MeetingsPage() {
  return <ComingSoon name={mod.name} description={mod.description} />
}
