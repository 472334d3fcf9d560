import { ref } from 'vue';

/**
 * A form whose parent saves it and answers through a `done` callback: the form waits (busy, so a
 * second click cannot send it again) until the answer, then closes or stays open on it.
 */
export function useAnsweredSubmit() {
  const busy = ref(false);
  function submit(send: (done: (ok: boolean) => void) => void, onAnswer: (ok: boolean) => void): void {
    if (busy.value) return;
    busy.value = true;
    send((ok) => {
      busy.value = false;
      onAnswer(ok);
    });
  }
  return { busy, submit };
}
