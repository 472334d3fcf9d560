import { sendQuietly, type MicPermissionMessage } from '@/utils/messaging';
import '@/components/theme.css';
import './style.css';

const result = document.getElementById('result') as HTMLParagraphElement;
const blocked = document.getElementById('blocked') as HTMLElement;

function tell(granted: boolean): void {
  const message: MicPermissionMessage = { type: 'mic-permission', granted };
  sendQuietly(message);
}

async function allow(): Promise<void> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    // Only the permission was wanted: the microphone is closed again at once.
    for (const track of stream.getTracks()) track.stop();
    result.textContent = 'Thank you. Attune can now hear your microphone during calls. You can close this tab.';
    blocked.hidden = true;
    tell(true);
  } catch (error) {
    const never = error instanceof DOMException && error.name === 'NotAllowedError';
    result.textContent = never
      ? 'The microphone was not allowed. Attune will use the call’s speaker highlight instead.'
      : 'No microphone could be opened. Check that one is connected, then try again.';
    blocked.hidden = !never;
    tell(false);
  }
}

document.getElementById('allow')?.addEventListener('click', () => void allow());
document.getElementById('settings')?.addEventListener('click', () => {
  void browser.tabs.create({
    url: `chrome://settings/content/siteDetails?site=${encodeURIComponent(location.origin)}`,
  });
});
// Arriving from the panel's "How to allow it again" link: show the way back at once.
if (new URLSearchParams(location.search).has('blocked')) blocked.hidden = false;
