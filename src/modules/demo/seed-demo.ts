import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Role } from '../../platform/actor.js';
import { createOrganization } from '../organizations/create-organization.js';
import { isEmpty } from '../organizations/organizations.repository.js';
import { createStaff } from '../staff/create-staff.js';
import { createDepartment } from '../staff/create-department.js';
import { actorOf } from '../staff/actor-of.js';
import { createInitiative } from '../initiatives/create-initiative.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';
import { seedDemoSurvey } from './seed-demo-survey.js';
import { seedDemoParticipants } from './seed-demo-participants.js';
import { seedDemoConversation } from './seed-demo-conversation.js';
import { seedDemoLoop } from './seed-demo-loop.js';

/** The demo staff's shared password (printed by `npm start`; change it on a real installation). */
export const DEMO_PASSWORD = 'engine-room-demo';

/** What the demo seed created, for the start-up message. */
export interface DemoSeed {
  organizationSlug: string;
  staff: Record<Role, string>;
}

/**
 * Seeds a demo municipality into an empty database through the real use cases: two departments,
 * staff in every role, one open initiative with demographic attributes and a few participants.
 * Does nothing (returns undefined) when the database already holds an organization.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSeed | undefined> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEmpty(trx))) return undefined;
    const org = await createOrganization(trx, {
      slug: 'demo-kommune',
      name: 'Demo Kommune',
      defaultLocale: 'da',
    });
    const admin = await createStaff(trx, {
      organizationId: org.id,
      email: 'admin@demo-kommune.example',
      name: 'Astrid Admin',
      role: 'admin',
      password: DEMO_PASSWORD,
    });
    const adminActor = actorOf(admin);
    const library = await createDepartment(trx, adminActor, {
      departmentName: 'Libraries and Citizen Services',
    });
    const care = await createDepartment(trx, adminActor, { departmentName: 'Elder Care' });
    const make = (email: string, name: string, role: Role, departmentId: string) =>
      createStaff(trx, { organizationId: org.id, email, name, role, departmentId, password: DEMO_PASSWORD });
    const facilitator = await make(
      'facilitator@demo-kommune.example',
      'Frederik Facilitator',
      'facilitator',
      library.id,
    );
    await make('analyst@demo-kommune.example', 'Anna Analyst', 'analyst', library.id);
    await make('frontline@demo-kommune.example', 'Farah Frontline', 'frontline', care.id);

    const initiative = await createInitiative(trx, actorOf(facilitator), {
      title: 'The library of the future',
      summary: 'Tell us how the library can serve you better: opening hours, spaces and services.',
      purpose:
        'We are rethinking our libraries. Before we decide anything, we want to learn from the people who use them and from those who do not.',
      objectives: [
        'Understand what keeps people from using the library',
        'Find three improvements to test in 2027',
      ],
      targetGroup:
        'Everyone living in the municipality, especially young people and residents of the outer districts, who rarely use the library today.',
      formOfInvolvement: 'informants',
      influenceLevel: 'consult',
      visibility: 'public',
      feedbackPlan:
        'Within two months after the survey closes, we publish what we heard and what we decided on this page, and we write to everyone who asked to hear back.',
      consentText:
        'We store your answers to improve the libraries. Your answers are used in anonymous form in our reports. You can see, download and erase your data at any time on the "My data" page.',
      responsibleStaffId: facilitator.id,
      departmentIds: [library.id],
      phases: [
        { name: 'Listening', startsOn: '2026-11-01', endsOn: '2027-01-15' },
        { name: 'Making sense', startsOn: '2027-01-16', endsOn: '2027-02-15' },
        { name: 'Telling what we did', startsOn: '2027-02-16', endsOn: '2027-03-31' },
      ],
    });
    await changeInitiativeStatus(trx, actorOf(facilitator), initiative.id, 'open');
    await seedDemoParticipants(trx, adminActor, initiative.id);
    await seedDemoSurvey(trx, actorOf(facilitator), initiative.id);
    await seedDemoConversation(trx, actorOf(facilitator), initiative.id);
    await seedDemoLoop(trx, actorOf(facilitator), initiative.id);
    return {
      organizationSlug: org.slug,
      staff: {
        admin: admin.email,
        facilitator: facilitator.email,
        analyst: 'analyst@demo-kommune.example',
        frontline: 'frontline@demo-kommune.example',
      },
    };
  });
}
