# Reference values of BinomialIntervalsTest: Clopper-Pearson and Wilson intervals for one proportion, and Newcombe's
# hybrid score interval (method 10 of Newcombe 1998, Statistics in Medicine 17:873-890) for the difference of two
# independent proportions. Run:  Rscript intervals.R   (R 4.2.2)
options(digits = 12, width = 150)

cat("-- one proportion: x, n, Clopper-Pearson (binom.test), Wilson (prop.test without correction)\n")
cases <- rbind(c(0, 10), c(10, 10), c(1, 10), c(9, 20), c(3, 20), c(56, 70), c(48, 80), c(0, 1), c(1, 1),
               c(29, 120), c(120, 120))
for (i in seq_len(nrow(cases))) {
  x <- cases[i, 1]; n <- cases[i, 2]
  cp <- binom.test(x, n)$conf.int
  w <- suppressWarnings(prop.test(x, n, correct = FALSE))$conf.int
  cat(sprintf("%4d %4d  CP %.12f %.12f  Wilson %.12f %.12f\n", x, n, cp[1], cp[2], w[1], w[2]))
}

# Wilson's interval written out (not prop.test), and method 10 from it:
# d = p1 - p2, L = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), U = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
wilson <- function(x, n, z = qnorm(.975)) {
  p <- x / n
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / (1 + z^2 / n)
  c(centre - half, centre + half)
}
newcombe10 <- function(x1, n1, x2, n2) {
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1); w2 <- wilson(x2, n2)
  d <- p1 - p2
  c(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
for (i in seq_len(nrow(cases))) {
  stopifnot(isTRUE(all.equal(wilson(cases[i, 1], cases[i, 2]),
                             as.numeric(suppressWarnings(prop.test(cases[i, 1], cases[i, 2], correct = FALSE))$conf.int),
                             tolerance = 1e-12)))
}
cat("-- difference of two proportions, Newcombe method 10: x1, n1, x2, n2, difference, lower, upper\n")
# the examples of Newcombe's Table II (a) to (h), then two of Stroma's own
pairs <- rbind(c(56, 70, 48, 80), c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29), c(0, 10, 0, 20),
               c(0, 10, 0, 10), c(10, 10, 0, 20), c(10, 10, 0, 10), c(9, 20, 3, 20), c(40, 40, 0, 40))
for (i in seq_len(nrow(pairs))) {
  r <- newcombe10(pairs[i, 1], pairs[i, 2], pairs[i, 3], pairs[i, 4])
  cat(sprintf("%3d/%-3d vs %3d/%-3d  %.12f  %.12f  %.12f\n", pairs[i, 1], pairs[i, 2], pairs[i, 3], pairs[i, 4],
              r[1], r[2], r[3]))
}
