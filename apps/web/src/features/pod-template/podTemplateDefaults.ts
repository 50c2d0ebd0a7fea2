/** A new container of the forms: CCI wants limits equal to requests, so both are set. */
export const freshContainer = (i: number, image = '') => ({
  name: `container-${i}`,
  image,
  resources: {
    limits: { cpu: '500m', memory: '1024Mi' },
    requests: { cpu: '500m', memory: '1024Mi' },
  },
});
