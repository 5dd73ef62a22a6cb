/** The number of the first page in GET /api/cases (the server counts pages from 0). */
export const FIRST_PAGE = 0

export const PAGE_SIZES = [20, 50, 100]
