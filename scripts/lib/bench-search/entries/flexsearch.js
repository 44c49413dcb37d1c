// flexsearch 0.8: the package entry resolves to its full "bundle" build.
import { Document } from 'flexsearch';

globalThis.FlexSearch = { Document };
