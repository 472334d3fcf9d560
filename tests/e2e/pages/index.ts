// Page objects for the e2e tests: one small class a page, exposing what a user does and sees.
export { CallPage, type OpenCallOptions } from './call-page';
export { CallBesidePanel, type CallBesidePanelOptions } from './call-beside-panel';
export { Dashboard, type OpenDashboardOptions } from './dashboard';
export { SidePanel } from './side-panel';
export { importThrough, type PickedFile } from './file-dialog';
export { exportedText } from './exports';
