// English entities need compromise, which the extension loads only when an article does
// (utils/entities/tagger.ts). The unit tests call the recognisers directly: load it up front.
// tests/unit/english-tagger.test.ts checks the on-demand path with fresh modules.
import { loadEnglishTagger } from '../../utils/entities/tagger';

await loadEnglishTagger();
