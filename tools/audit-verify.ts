/** `npm run audit:verify`: re-computes every inspection's audit hash chain; exits 1 and names the first broken row. */
import { AuditEventRepository } from '@rectiflow/persistence';
import { localDatabaseUrl, withDataSource } from './local-database';

export async function auditVerify(url: string): Promise<number> {
  const report = await withDataSource(url, (dataSource) => new AuditEventRepository(dataSource).verifyChains());
  for (const broken of report.breaks) console.log(`BROKEN inspection ${broken.inspectionId}: ${broken.problem}`);
  console.log(
    `audit chain: ${report.inspections} inspection(s), ${report.rows} row(s), ${report.ok ? 'intact' : `${report.breaks.length} broken`}`,
  );
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  auditVerify(localDatabaseUrl())
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(2);
    });
}
