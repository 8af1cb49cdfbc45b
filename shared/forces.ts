/**
 * The 43 territorial police forces of England and Wales, their local policing bodies, and the other
 * names documents use for them. The one place this list is kept.
 */
export interface Force {
  /** The canonical name, as the force styles itself. */
  name: string;
  /** The place name documents use on its own ("Cumbria", "West Mercia"). */
  area: string;
  /** Other place names documents use on their own: "Hampshire", the area before the force took the island into its name. */
  otherAreas: string[];
  /** Other full names seen in documents (former names, "Police" for "Constabulary" and so on). */
  aliases: string[];
  localPolicingBody: string;
}

const pcc = (area: string) => `${area} Police and Crime Commissioner`;
const pfcc = (area: string) => `${area} Police, Fire and Crime Commissioner`;

function force(name: string, area: string, localPolicingBody: string, aliases: string[] = [], otherAreas: string[] = []): Force {
  const suffixed = [`${area} Police`, `${area} Constabulary`].filter((alias) => alias !== name);
  return { name, area, otherAreas, localPolicingBody, aliases: [...new Set([...aliases, ...suffixed])] };
}

export const FORCES: readonly Force[] = [
  force('Avon and Somerset Constabulary', 'Avon and Somerset', pcc('Avon and Somerset'), ['Avon & Somerset Police', 'Avon & Somerset Constabulary']),
  force('Bedfordshire Police', 'Bedfordshire', pcc('Bedfordshire')),
  force('Cambridgeshire Constabulary', 'Cambridgeshire', pcc('Cambridgeshire')),
  force('Cheshire Constabulary', 'Cheshire', pcc('Cheshire')),
  force('City of London Police', 'City of London', 'Common Council of the City of London', ['CoLP', 'COLP', 'City Police']),
  force('Cleveland Police', 'Cleveland', pcc('Cleveland')),
  force('Cumbria Constabulary', 'Cumbria', pfcc('Cumbria')),
  force('Derbyshire Constabulary', 'Derbyshire', pcc('Derbyshire')),
  force(
    'Devon and Cornwall Police',
    'Devon and Cornwall',
    pcc('Devon, Cornwall and the Isles of Scilly'),
    ['Devon & Cornwall Police'],
    ['Devon, Cornwall and the Isles of Scilly'],
  ),
  force('Dorset Police', 'Dorset', pcc('Dorset')),
  force('Durham Constabulary', 'Durham', 'Durham Police, Crime and Victims’ Commissioner'),
  force('Dyfed-Powys Police', 'Dyfed-Powys', pcc('Dyfed-Powys'), ['Dyfed Powys Police']),
  force('Essex Police', 'Essex', pfcc('Essex')),
  force('Gloucestershire Constabulary', 'Gloucestershire', pcc('Gloucestershire')),
  force('Greater Manchester Police', 'Greater Manchester', 'Mayor of Greater Manchester', ['GMP']),
  force('Gwent Police', 'Gwent', pcc('Gwent')),
  force(
    'Hampshire and Isle of Wight Constabulary',
    'Hampshire and Isle of Wight',
    pcc('Hampshire and Isle of Wight'),
    ['Hampshire Constabulary', 'Hampshire Police', 'Hampshire & Isle of Wight Constabulary'],
    ['Hampshire'],
  ),
  force('Hertfordshire Constabulary', 'Hertfordshire', pcc('Hertfordshire')),
  force('Humberside Police', 'Humberside', pcc('Humberside')),
  force('Kent Police', 'Kent', pcc('Kent')),
  force('Lancashire Constabulary', 'Lancashire', pcc('Lancashire')),
  force('Leicestershire Police', 'Leicestershire', pcc('Leicestershire')),
  force('Lincolnshire Police', 'Lincolnshire', pcc('Lincolnshire')),
  force('Merseyside Police', 'Merseyside', pcc('Merseyside')),
  force('Metropolitan Police Service', 'London', 'Mayor’s Office for Policing and Crime (MOPAC)', ['Metropolitan Police', 'the Met', 'MPS']),
  force('Norfolk Constabulary', 'Norfolk', pcc('Norfolk')),
  force('North Wales Police', 'North Wales', pcc('North Wales')),
  force('North Yorkshire Police', 'North Yorkshire', 'Mayor of York and North Yorkshire'),
  force('Northamptonshire Police', 'Northamptonshire', pfcc('Northamptonshire')),
  force('Northumbria Police', 'Northumbria', pcc('Northumbria')),
  force('Nottinghamshire Police', 'Nottinghamshire', pcc('Nottinghamshire')),
  force('South Wales Police', 'South Wales', pcc('South Wales')),
  force('South Yorkshire Police', 'South Yorkshire', 'Mayor of South Yorkshire'),
  force('Staffordshire Police', 'Staffordshire', 'Staffordshire Commissioner for Police, Fire and Rescue and Crime'),
  force('Suffolk Constabulary', 'Suffolk', pcc('Suffolk')),
  force('Surrey Police', 'Surrey', pcc('Surrey')),
  force('Sussex Police', 'Sussex', pcc('Sussex')),
  force('Thames Valley Police', 'Thames Valley', pcc('Thames Valley')),
  force('Warwickshire Police', 'Warwickshire', pcc('Warwickshire')),
  force('West Mercia Police', 'West Mercia', pcc('West Mercia')),
  force('West Midlands Police', 'West Midlands', pcc('West Midlands')),
  force('West Yorkshire Police', 'West Yorkshire', 'Mayor of West Yorkshire'),
  force('Wiltshire Police', 'Wiltshire', pcc('Wiltshire')),
];

/** The four forces of Wales, which documents name together ("the Welsh forces", "the four police forces in Wales"). */
export const WELSH_FORCES: readonly string[] = ['Dyfed-Powys Police', 'Gwent Police', 'North Wales Police', 'South Wales Police'];

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byName = new Map<string, Force>();
for (const each of FORCES) {
  for (const name of [each.name, ...each.aliases]) byName.set(normalise(name), each);
}

/** The force a full name or alias refers to ("Hampshire Constabulary" → Hampshire and Isle of Wight Constabulary). */
export function findForce(name: string): Force | undefined {
  return byName.get(normalise(name));
}
