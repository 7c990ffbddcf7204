import { registerDestinationType } from '../destinations.js';
import { WordPressDestination } from './deliver.js';

/** `--type wordpress`: posts through the core REST API with an application password. */
registerDestinationType('wordpress', (config) => new WordPressDestination(config));
