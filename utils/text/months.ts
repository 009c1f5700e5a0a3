/** English month names, full or cut short ("Nov", "Nov.", "Sept"), as a regex alternation: the
 * entity rules' dates and the feed detector's card stamps read the same names. */
export const EN_MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
