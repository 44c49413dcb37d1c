// lunr 2.3.9 + lunr-languages (stemmer support, Arabic): what the lunr adapter uses.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import ar from 'lunr-languages/lunr.ar.js';

stemmerSupport(lunr);
ar(lunr);
globalThis.lunr = lunr;
