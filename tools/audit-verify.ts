/** `npm run audit:verify`: re-computes every inspection's audit hash chain; exits 1 and names the first broken row. */
import { DataSource } from 'typeorm';
import { dataSourceOptions, verifyChains } from '../libs/persistence/src';
import { localDatabaseUrl } from './local-database';

export async function auditVerify(url: string): Promise<number> {
  const dataSource = await new DataSource(dataSourceOptions(url, { extra: { max: 2 } })).initialize();
  try {
    const report = await verifyChains(dataSource);
    for (const broken of report.breaks) console.log(`BROKEN inspection ${broken.inspectionId}: ${broken.problem}`);
    console.log(`audit chain: ${report.inspections} inspection(s), ${report.rows} row(s), ${report.ok ? 'intact' : `${report.breaks.length} broken`}`);
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  auditVerify(localDatabaseUrl())
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(2);
    });
}
