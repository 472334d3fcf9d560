export { classifyMove } from './classify';
export { LISTENING_MOVES, type ListeningMove, type MoveCounts, type MoveVerdict } from './types';
