import { phraseAlternatives as alternatives, type Phrases } from './phrases';

// Zoom's web client's own words, by fact. The client follows the browser's or the account's
// language; the lists are matched only where no structural hook (class names such as
// `.footer__leave-btn`, ids such as `#input-for-name`) tells the same fact (utils/platforms/zoom.ts).

/**
 * The footer's red button (aria-label or text, whole). English from Zoom itself (Vexa-ai/vexa's
 * and Meeting-Baas/meet-teams-bot's Zoom leave flows, 2025–26); pt/fr/de: a public macOS meeting
 * detector's leave set ("sair", "quitter", "verlassen", code search, Dec 2026); the others are
 * Attune's translations.
 */
export const ZOOM_LEAVE: Phrases = {
  en: ['Leave', 'End'],
  de: ['Verlassen', 'Beenden'],
  fr: ['Quitter', 'Fin'],
  es: ['Salir', 'Finalizar'],
  pt: ['Sair', 'Encerrar'],
  it: ['Esci', 'Termina'],
  nl: ['Verlaten', 'Beëindigen'],
  ja: ['退出', '終了'],
};

/** The preview screen's join buttons (whole text). Translations are Attune's. */
export const ZOOM_JOIN: Phrases = {
  en: ['Join', 'Join Audio'],
  de: ['Beitreten', 'Audio beitreten'],
  fr: ['Rejoindre', "Rejoindre l'audio"],
  es: ['Entrar', 'Unirse', 'Unirse al audio'],
  pt: ['Entrar', 'Ingressar', 'Ingressar no áudio'],
  it: ['Entra', 'Partecipa', "Partecipa all'audio"],
  nl: ['Deelnemen', 'Deelnemen aan audio'],
  ja: ['参加', 'オーディオに参加'],
};

/** The preview screen's name field (aria-label, whole). Translations are Attune's. */
export const ZOOM_YOUR_NAME: Phrases = {
  en: ['Your name', 'Your Name'],
  de: ['Ihr Name'],
  fr: ['Votre nom'],
  es: ['Su nombre', 'Tu nombre'],
  pt: ['Seu nome'],
  it: ['Il tuo nome'],
  nl: ['Uw naam', 'Je naam'],
  ja: ['名前'],
};

/**
 * The end dialog (anywhere in its text). English from Zoom itself (public Zoom web bots' end
 * checks, 2025–26); de: "Sie haben die Besprechung verlassen" in a public meeting detector's
 * tests (code search, Dec 2026); the others are Attune's translations.
 */
export const ZOOM_ENDED: Phrases = {
  en: ['meeting has been ended', 'this meeting has ended', 'you have left the meeting', 'you left the meeting'],
  de: [
    'Meeting wurde beendet',
    'Besprechung wurde beendet',
    'Sie haben das Meeting verlassen',
    'Sie haben die Besprechung verlassen',
  ],
  fr: ['réunion a été terminée', 'réunion est terminée', 'Vous avez quitté la réunion'],
  es: ['reunión ha finalizado', 'reunión ha terminado', 'Ha salido de la reunión'],
  pt: ['reunião foi encerrada', 'reunião terminou', 'Você saiu da reunião'],
  it: ['riunione è stata terminata', 'riunione è terminata', 'Hai lasciato la riunione'],
  nl: ['vergadering is beëindigd', 'Je hebt de vergadering verlaten', 'U hebt de vergadering verlaten'],
  ja: ['ミーティングは終了しました', 'ミーティングから退出しました'],
};

/** "Meeting topic" (aria-label, at its start). Translations are Attune's. */
export const ZOOM_TOPIC: Phrases = {
  en: ['Meeting topic'],
  de: ['Meeting-Thema', 'Thema'],
  fr: ['Sujet de la réunion'],
  es: ['Tema de la reunión'],
  pt: ['Tópico da reunião'],
  it: ['Argomento della riunione'],
  nl: ['Onderwerp van de vergadering'],
  ja: ['ミーティングのトピック'],
};

/**
 * The participants list's mark of the user, "Jane Doe (Me)" or "(Host, me)": the word inside the
 * brackets. Translations are Attune's.
 */
export const ZOOM_ME: Phrases = {
  en: ['me'],
  de: ['ich'],
  fr: ['moi'],
  es: ['yo'],
  pt: ['eu'],
  it: ['io'],
  nl: ['ik'],
  ja: ['自分'],
};

/** Roles Zoom writes in the brackets beside a name. Translations are Attune's. */
export const ZOOM_ROLES: Phrases = {
  en: ['host', 'co-host', 'cohost', 'guest'],
  de: ['Host', 'Co-Host', 'Gast'],
  fr: ['hôte', 'co-animateur', 'invité'],
  es: ['anfitrión', 'coanfitrión', 'invitado'],
  pt: ['anfitrião', 'coanfitrião', 'convidado'],
  it: ['organizzatore', 'co-organizzatore', 'ospite'],
  nl: ['host', 'cohost', 'gast'],
  ja: ['ホスト', '共同ホスト', 'ゲスト'],
};

/** The captions button when captions are hidden (aria-label, anywhere). Translations are Attune's. */
export const ZOOM_SHOW_CAPTIONS: Phrases = {
  en: ['show captions'],
  de: ['Untertitel anzeigen'],
  fr: ['Afficher les sous-titres'],
  es: ['Mostrar subtítulos'],
  pt: ['Mostrar legendas'],
  it: ['Mostra sottotitoli'],
  nl: ['Ondertiteling weergeven'],
  ja: ['字幕を表示'],
};

/** A tile's spoken-state label (aria-label, anywhere). Translations are Attune's. */
export const ZOOM_IS_SPEAKING: Phrases = {
  en: ['is speaking'],
  de: ['spricht'],
  fr: ['parle'],
  es: ['está hablando'],
  pt: ['está falando'],
  it: ['sta parlando'],
  nl: ['spreekt'],
  ja: ['発言中'],
};

/**
 * "Jane Doe (Me)", "Jane Doe (Host, ich)", "山田 (自分)": the name before brackets that hold the
 * user's mark in any language, alone or beside a role.
 */
export const ZOOM_SELF_ROW = new RegExp(
  `^(.+?)\\s*[(（](?:[^)）]*,\\s*)?(?:${alternatives(ZOOM_ME)})(?:\\s*,[^)）]*)?[)）]`,
  'iu',
);

/** Brackets of roles and the user's mark after a name, in any language ("(Host, me)", "(Gast)"). */
export const NAME_DECORATION = new RegExp(
  `\\s*[(（](?:${alternatives(ZOOM_ROLES)}|${alternatives(ZOOM_ME)}|you)(?:\\s*,\\s*(?:${alternatives(ZOOM_ROLES)}|${alternatives(ZOOM_ME)}|you))*[)）]\\s*$`,
  'iu',
);
