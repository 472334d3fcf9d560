import type { Phrases } from './phrases';

// Microsoft Teams on the web's own words, by fact. Teams marks almost every control with a
// data-tid, which the selector tables read first (utils/platforms/teams.ts); these words are the
// fallback where a release drops or renames the data-tid.

/**
 * The call bar's leave button (aria-label, at its start; Teams adds the shortcut after it).
 * de: "Verlassen" and "Auflegen (…)" in a public meeting detector's Teams tests (code search,
 * Dec 2026); pt/fr: its leave set ("sair", "quitter"); the others are Attune's translations.
 */
export const TEAMS_LEAVE: Phrases = {
  en: ['Leave', 'Hang up'],
  de: ['Verlassen', 'Auflegen'],
  fr: ['Quitter', 'Raccrocher'],
  es: ['Salir', 'Colgar'],
  pt: ['Sair', 'Desligar'],
  it: ['Esci', 'Abbandona', 'Riaggancia'],
  nl: ['Verlaten', 'Ophangen'],
  ja: ['退出', '切断'],
};

/** The pre-join screen's button (whole text). Translations are Attune's. */
export const TEAMS_JOIN_NOW: Phrases = {
  en: ['Join now'],
  de: ['Jetzt teilnehmen'],
  fr: ['Rejoindre maintenant'],
  es: ['Unirse ahora'],
  pt: ['Ingressar agora', 'Participar agora'],
  it: ['Partecipa ora'],
  nl: ['Nu deelnemen'],
  ja: ['今すぐ参加'],
};

/**
 * The end screen's heading (anywhere in it). de: "Sie haben die Besprechung verlassen" in a public
 * meeting detector's Teams tests (code search, Dec 2026); the German guest end screen "Die
 * Besprechung wurde beendet" (issue 14's captures); the others are Attune's translations.
 */
export const TEAMS_ENDED: Phrases = {
  en: [
    'You left the meeting',
    "You've left this meeting",
    'The meeting has ended',
    'Call ended',
    "You've left the call",
  ],
  de: ['Sie haben die Besprechung verlassen', 'Die Besprechung wurde beendet', 'Anruf beendet'],
  fr: ['Vous avez quitté la réunion', 'La réunion est terminée', 'Appel terminé'],
  es: ['Ha salido de la reunión', 'La reunión ha finalizado', 'Llamada finalizada'],
  pt: ['Você saiu da reunião', 'A reunião terminou', 'Chamada encerrada'],
  it: ['Hai lasciato la riunione', 'La riunione è terminata', 'Chiamata terminata'],
  nl: ['U hebt de vergadering verlaten', 'De vergadering is beëindigd', 'Gesprek beëindigd'],
  ja: ['会議から退出しました', '会議が終了しました', '通話が終了しました'],
};

/** The account menu's mark after the user's own name, "Lee Chen (you)". Translations are Attune's. */
export const TEAMS_YOU: Phrases = {
  en: ['you'],
  de: ['Sie', 'du'],
  fr: ['vous'],
  es: ['usted', 'tú'],
  pt: ['você'],
  it: ['tu', 'Lei'],
  nl: ['u', 'jij'],
  ja: ['あなた'],
};

/** The profile button's label before the name, "Profile, Lee Chen". Translations are Attune's. */
export const TEAMS_PROFILE: Phrases = {
  en: ['Profile', 'Your profile'],
  de: ['Profil', 'Ihr Profil'],
  fr: ['Profil', 'Votre profil'],
  es: ['Perfil', 'Su perfil'],
  pt: ['Perfil', 'Seu perfil'],
  it: ['Profilo', 'Il tuo profilo'],
  nl: ['Profiel', 'Uw profiel'],
  ja: ['プロフィール'],
};

/** A tile's speaking state (aria-label, anywhere). Translations are Attune's. */
export const TEAMS_SPEAKING: Phrases = {
  en: ['speaking'],
  de: ['spricht'],
  fr: ['parle'],
  es: ['hablando'],
  pt: ['falando'],
  it: ['sta parlando'],
  nl: ['spreekt'],
  ja: ['発言中'],
};
