/**
 * The shared RFL Lens methods (src/shared/protocol.ts holds only names and types) wrapped in
 * vscode-languageclient's typed message objects, so sendRequest/onNotification check params.
 */
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import { DecorationsNotification, StatusNotification, WorkspaceReportRequest } from '../shared/protocol';

export const statusNotification = new NotificationType<StatusNotification.Params>(StatusNotification.method);
export const decorationsNotification = new NotificationType<DecorationsNotification.Params>(DecorationsNotification.method);
export const workspaceReportRequest = new RequestType<WorkspaceReportRequest.Params, WorkspaceReportRequest.Result, void>(
  WorkspaceReportRequest.method,
);
