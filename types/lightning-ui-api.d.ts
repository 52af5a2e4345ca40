// Types for the Lightning Data Service modules the record-page components use
// (@salesforce/lightning-types 0.8 does not cover them). Only what the components use.

declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';

  /** A schema import (`@salesforce/schema/Object.Field`) or its qualified name. */
  export type FieldId = { objectApiName: string; fieldApiName: string } | string;
  export type FieldValue = string | number | boolean | null;

  export interface FieldValueRepresentation {
    value: FieldValue | RecordRepresentation;
    displayValue: string | null;
  }

  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, FieldValueRepresentation>;
  }

  export interface RecordInput {
    apiName?: string;
    fields: Record<string, unknown>;
  }

  export const getRecord: WireAdapterConstructor;
  export function getFieldValue(
    record: RecordRepresentation | null | undefined,
    field: FieldId
  ): FieldValue | undefined;
  export function getFieldDisplayValue(
    record: RecordRepresentation | null | undefined,
    field: FieldId
  ): string | null | undefined;
  export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
  export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
}

declare module 'lightning/uiRelatedListApi' {
  import type { WireAdapterConstructor } from 'lwc';
  import type { RecordRepresentation } from 'lightning/uiRecordApi';

  export interface RelatedListRecordCollection {
    records: RecordRepresentation[];
    count: number;
    nextPageToken: string | null;
  }

  export const getRelatedListRecords: WireAdapterConstructor;
}

declare module 'lightning/uiObjectInfoApi' {
  import type { WireAdapterConstructor } from 'lwc';

  export interface ObjectInfoField {
    apiName: string;
    label: string;
    createable: boolean;
    updateable: boolean;
  }

  export interface ObjectInfo {
    apiName: string;
    createable: boolean;
    updateable: boolean;
    fields: Record<string, ObjectInfoField>;
  }

  export const getObjectInfo: WireAdapterConstructor;
}

declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(toast: {
      title: string;
      message?: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
    });
  }
}
