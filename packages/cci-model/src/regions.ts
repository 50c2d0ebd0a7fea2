/** Rule A1: the regions CCI serves, with their names in both UI languages. */
export interface Region {
  id: string;
  name: { en: string; 'zh-CN': string };
  cciEndpoint: string;
  iamEndpoint: string;
}

const region = (id: string, zh: string, en: string): Region => ({
  id,
  name: { en, 'zh-CN': zh },
  cciEndpoint: `https://cci.${id}.myhuaweicloud.com`,
  iamEndpoint: `https://iam.${id}.myhuaweicloud.com`,
});

export const regions: readonly Region[] = [
  region('cn-north-4', '华北-北京四', 'CN North-Beijing4'),
  region('cn-east-3', '华东-上海一', 'CN East-Shanghai1'),
  region('cn-east-2', '华东-上海二', 'CN East-Shanghai2'),
  region('cn-south-1', '华南-广州', 'CN South-Guangzhou'),
  region('cn-southwest-2', '西南-贵阳一', 'CN Southwest-Guiyang1'),
];

/** IAM's global endpoint, the default of cci-iam-authenticator (A1). */
export const defaultIamEndpoint = 'https://iam.myhuaweicloud.com';

export function findRegion(id: string): Region | undefined {
  return regions.find((r) => r.id === id);
}
