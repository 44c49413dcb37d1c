// @orama/orama 3 with the Arabic Snowball stemmer of @orama/stemmers.
import { create, insertMultiple, search } from '@orama/orama';
import { stemmer, language } from '@orama/stemmers/arabic';

globalThis.Orama = { create, insertMultiple, search, stemmer, language };
