extension CachedLine {
    /// A query's terms as cache lines write them, indexed by their first byte, for
    /// ``CachedLine/frequencies(ofEncoded:)``: worked out once per query rather than once per
    /// document, so that each term of a line is compared with the few query terms that start like it.
    struct Wanted: Sendable {
        /// The terms, escaped as the cache escapes them, in the query's order.
        let terms: [[UInt8]]
        /// For each byte, the positions of the terms that start with it.
        let byFirstByte: [[Int]]

        /// The terms of a query.
        init(_ queryTerms: [String]) {
            terms = queryTerms.map { Array(IndexCache.escape($0).utf8) }
            var byFirstByte = [[Int]](repeating: [], count: 256)
            for (position, term) in terms.enumerated() {
                if let first = term.first { byFirstByte[Int(first)].append(position) }
            }
            self.byFirstByte = byFirstByte
        }
    }
}
