/**
 * The project's static resources (force-app/main/default/staticresources) are in the local org as
 * a deploy puts them in a real one: on every start each is created, or updated when its content
 * changed, by Name. So `ppk` commands read the program rules from the org, as against a real org,
 * and an edited rules file reaches the local org at its next start.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { defaultForceAppDir } from '../scripts/lib/sfMetadata.ts';
import type { OrgRuntime } from './org.ts';
import { createRecord, prepare, updateRecord } from './records.ts';

interface ProjectResource {
  Name: string;
  ContentType: string;
  Body: string;
}

function projectResources(forceAppDir: string): ProjectResource[] {
  const dir = join(forceAppDir, 'staticresources');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir);
  const parser = new XMLParser();
  return files
    .filter((file) => file.endsWith('.resource-meta.xml'))
    .flatMap((meta) => {
      const name = meta.slice(0, -'.resource-meta.xml'.length);
      const content = files.find((f) => f !== meta && f.startsWith(`${name}.`));
      if (!content) return [];
      const parsed = parser.parse(readFileSync(join(dir, meta), 'utf8')) as {
        StaticResource?: { contentType?: string };
      };
      return [
        {
          Name: name,
          ContentType: parsed.StaticResource?.contentType ?? 'application/octet-stream',
          Body: readFileSync(join(dir, content)).toString('base64')
        }
      ];
    });
}

export function deployStaticResources(org: OrgRuntime, forceAppDir = defaultForceAppDir): void {
  const object = org.schema.object('StaticResource')!;
  const deployed = [...org.store.table('StaticResource').rows.values()].filter((r) => !r.IsDeleted);
  const ctx = { ...org.writeContext(), system: true };
  const tx = org.store.begin();
  try {
    for (const resource of projectResources(forceAppDir)) {
      const current = deployed.find((r) => r.Name === resource.Name);
      const fields = { ContentType: resource.ContentType, Body: resource.Body };
      if (!current) {
        createRecord(
          tx,
          ctx,
          object,
          prepare(org.schema, object, { Name: resource.Name, ...fields }, 'json')
        );
      } else if (current.Body !== resource.Body || current.ContentType !== resource.ContentType) {
        updateRecord(
          tx,
          ctx,
          object,
          current.Id as string,
          prepare(org.schema, object, fields, 'json')
        );
      }
    }
    tx.commit();
  } catch (error) {
    tx.rollback();
    throw error;
  }
}
