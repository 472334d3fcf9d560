import type { Phrases } from './phrases';

// Google Meet's own words, by fact. Meet is rendered in the Google Account's language; the lists
// are matched only where no structural hook tells the same fact (see utils/platforms/meet.ts).

/**
 * The call bar's red button (aria-label, at its start). de/fr/es: a public Meet caption
 * auto-export script's LEAVE_CALL_TERMS, and a Meet reminder extension's in-meeting phrases
 * (code search, Dec 2026); pt/it/nl/ja: Attune's translations.
 */
export const MEET_LEAVE_CALL: Phrases = {
  en: ['Leave call'],
  de: ['Anruf verlassen'],
  fr: ["Quitter l'appel"],
  es: ['Salir de la llamada'],
  pt: ['Sair da chamada'],
  it: ['Abbandona la chiamata'],
  nl: ['Gesprek verlaten'],
  ja: ['通話から退出'],
};

/**
 * The green room's buttons (whole text). English from Meet itself (2024–26, Vexa-ai/vexa's and
 * Meeting-Baas/meet-teams-bot's join flows); the others are Attune's translations.
 */
export const MEET_JOIN: Phrases = {
  en: ['Join now', 'Ask to join', 'Ask to join anyway', 'Join anyway', 'Switch here', 'Join here too'],
  de: ['Jetzt teilnehmen', 'Teilnahme anfragen', 'Trotzdem teilnehmen'],
  fr: ['Participer', 'Demander à participer', 'Participer quand même'],
  es: ['Unirse ahora', 'Solicitar unirse', 'Unirse de todos modos'],
  pt: ['Participar agora', 'Pedir para participar', 'Participar mesmo assim'],
  it: ['Partecipa', 'Chiedi di partecipare', 'Partecipa comunque'],
  nl: ['Nu deelnemen', 'Vragen om deel te nemen', 'Toch deelnemen'],
  ja: ['今すぐ参加', '参加をリクエスト'],
};

/**
 * The captions button's label, anywhere in it ("Turn on captions", "Untertitel aktivieren"): its
 * presence shows the host let the user in. de: the localised caption region label
 * ("Untertitel") noted by vivek-nexus/transcriptonic and the Meet-in-German control list of a
 * public Meet participant reader (code search, Dec 2026); the others are Attune's translations.
 */
export const MEET_CAPTIONS_WORD: Phrases = {
  en: ['captions'],
  de: ['Untertitel'],
  fr: ['sous-titres'],
  es: ['subtítulos'],
  pt: ['legendas'],
  it: ['sottotitoli'],
  nl: ['ondertiteling'],
  ja: ['字幕'],
};

/** "Turn on captions" (aria-label, at its start): captions are off. Translations are Attune's. */
export const MEET_TURN_ON_CAPTIONS: Phrases = {
  en: ['Turn on captions'],
  de: ['Untertitel aktivieren', 'Untertitel einschalten'],
  fr: ['Activer les sous-titres'],
  es: ['Activar subtítulos', 'Activar los subtítulos'],
  pt: ['Ativar legendas', 'Ativar as legendas'],
  it: ['Attiva i sottotitoli', 'Attiva sottotitoli'],
  nl: ['Ondertiteling aanzetten', 'Ondertiteling inschakelen'],
  ja: ['字幕をオンにする'],
};

/**
 * The end screen's heading (at its start). de: a Meet reminder extension's leave phrases
 * ("du hast die besprechung verlassen", code search, Dec 2026); the others are Attune's.
 */
export const MEET_LEFT: Phrases = {
  en: ['You left the meeting', "You've left the call", "You've left the meeting", 'The call has ended'],
  de: ['Sie haben die Besprechung verlassen', 'Du hast die Besprechung verlassen', 'Du hast den Anruf verlassen'],
  fr: ['Vous avez quitté la réunion', "Vous avez quitté l'appel"],
  es: ['Has salido de la reunión', 'Saliste de la reunión', 'Has abandonado la reunión'],
  pt: ['Você saiu da reunião', 'Você saiu da chamada'],
  it: ['Hai abbandonato la riunione', 'Hai lasciato la riunione'],
  nl: ['Je hebt de vergadering verlaten', 'Je hebt het gesprek verlaten'],
  ja: ['会議から退出しました', '通話から退出しました'],
};

/**
 * The host ending the call for everyone, or removing the user (the whole text of an element).
 * English as public Meet bots match it (Vexa-ai/vexa, Meeting-Baas/meet-teams-bot, 2025–26);
 * the others are Attune's translations.
 */
export const MEET_ENDED_BY_HOST: Phrases = {
  en: [
    'Your host ended the meeting for everyone',
    'You were removed from the meeting',
    "You've been removed from the meeting",
  ],
  de: ['Der Organisator hat die Besprechung für alle beendet', 'Sie wurden aus der Besprechung entfernt'],
  fr: ["L'organisateur a mis fin à la réunion pour tous les participants", 'Vous avez été exclu de la réunion'],
  es: ['El organizador ha finalizado la reunión para todos', 'Te han quitado de la reunión'],
  pt: ['O organizador encerrou a reunião para todos', 'Você foi removido da reunião'],
  it: ["L'organizzatore ha terminato la riunione per tutti", 'Sei stato rimosso dalla riunione'],
  nl: ['De organisator heeft de vergadering voor iedereen beëindigd', 'Je bent uit de vergadering verwijderd'],
  ja: ['主催者が全員の会議を終了しました', '会議から削除されました'],
};

/** The end screen's button to go back in (whole text). Translations are Attune's. */
export const MEET_REJOIN: Phrases = {
  en: ['Rejoin'],
  de: ['Erneut teilnehmen'],
  fr: ['Revenir dans la réunion', 'Rejoindre à nouveau'],
  es: ['Volver a unirse'],
  pt: ['Participar novamente'],
  it: ['Partecipa di nuovo'],
  nl: ['Opnieuw deelnemen'],
  ja: ['再参加'],
};

/** The green room's name field for guests (aria-label, whole). Translations are Attune's. */
export const MEET_YOUR_NAME: Phrases = {
  en: ['Your name'],
  de: ['Ihr Name', 'Dein Name'],
  fr: ['Votre nom'],
  es: ['Tu nombre', 'Su nombre'],
  pt: ['Seu nome', 'O seu nome'],
  it: ['Il tuo nome'],
  nl: ['Je naam', 'Uw naam'],
  ja: ['名前'],
};

/**
 * Meet's own label for the user on their tile and captions, in place of a name ("You" in English).
 * de "ich", fr "vous", es "tú", it "tu", nl "jij", pt "eu"/"você": a public Meet UI-strings
 * table of a caption extension (code search, Dec 2026); "Du" per issue 14's German captures;
 * ja is Attune's translation.
 */
export const MEET_YOU: Phrases = {
  en: ['You'],
  de: ['Du', 'Ich', 'Sie'],
  fr: ['Vous', 'Moi'],
  es: ['Tú', 'Yo', 'Usted'],
  pt: ['Você', 'Eu'],
  it: ['Tu', 'Io'],
  nl: ['Jij', 'Ik', 'U'],
  ja: ['あなた', '自分'],
};
