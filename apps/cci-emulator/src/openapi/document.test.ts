import { describe, expect, it } from 'vitest';
import { buildOpenApiV2Document, findKubectlSchemaProblems } from './document.ts';

describe('buildOpenApiV2Document', () => {
  it('wraps definitions in a Swagger 2.0 document', () => {
    const definitions = {
      A: { type: 'object', properties: { b: { $ref: '#/definitions/B' } } },
      B: { type: 'string' },
    };
    expect(buildOpenApiV2Document(definitions, { title: 'CCI', version: 'v1' })).toEqual({
      swagger: '2.0',
      info: { title: 'CCI', version: 'v1' },
      paths: {},
      definitions,
    });
  });

  it('refuses a dangling $ref, which would make kubectl reject the whole document', () => {
    const definitions = {
      A: {
        type: 'object',
        properties: { list: { type: 'array', items: { $ref: '#/definitions/Gone' } } },
      },
    };
    expect(() => buildOpenApiV2Document(definitions)).toThrow(
      /A\.list\[\]: \$ref to unknown definition #\/definitions\/Gone/,
    );
  });

  it('reports multi-valued types and refs nested in additionalProperties and allOf', () => {
    const problems = findKubectlSchemaProblems({
      A: { type: ['string', 'null'] },
      B: { type: 'object', additionalProperties: { $ref: '#/definitions/X' } },
      C: { allOf: [{ $ref: '#/definitions/Y' }] },
      D: { type: 'string', enum: [{ $ref: 'not a schema' }] },
    });
    expect(problems).toEqual([
      'A: multiple types string,null',
      'B{}: $ref to unknown definition #/definitions/X',
      'C.allOf[0]: $ref to unknown definition #/definitions/Y',
    ]);
  });
});
