import 'fake-indexeddb/auto';
import { noiseFigures } from '../bench/noise';
import { printFigures } from '../bench/stats';
printFigures('Noise', await noiseFigures());
