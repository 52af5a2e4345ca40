/**
 * The people the preview lets you act as (the local org's demo users) and the permission set
 * each one is assigned, as an admin would assign them in a real org.
 */
export interface PreviewPersona {
  key: 'seller' | 'cam' | 'ops';
  username: string;
  label: string;
  permissionSet: string;
}

export const personas: PreviewPersona[] = [
  {
    key: 'seller',
    username: 'seller@local-org.ppk',
    label: 'Seller (Sam Seller)',
    permissionSet: 'Channel_Seller'
  },
  {
    key: 'cam',
    username: 'cam@local-org.ppk',
    label: 'Channel Account Manager (Casey Morgan)',
    permissionSet: 'Channel_Account_Manager'
  },
  {
    key: 'ops',
    username: 'ops@local-org.ppk',
    label: 'Channel Ops (Olivia Ops)',
    permissionSet: 'Channel_Ops_Integration'
  }
];

export const defaultPersona = personas[0];

export function personaByKey(key: string | undefined): PreviewPersona {
  return personas.find((p) => p.key === key) ?? defaultPersona;
}
