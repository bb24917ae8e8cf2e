# Simulates the MMRM test data sets of stroma-analysis (long format, one row per observed visit; a missed visit
# has no row). Run from this folder:  Rscript simulate.R   (R 4.2.2, MASS 7.3-58.2)
suppressMessages(library(MASS))

# 1. Two arms, four visits, a baseline covariate, monotone dropout (about 14 % of subjects miss the last visits)
set.seed(20261206)
n <- 80
visits <- paste0("V", 1:4)
arm <- rep(c("placebo", "cells"), each = n / 2)
baseline <- round(rnorm(n, 50, 8), 1)
sds <- c(6, 7, 8, 9)
corr <- matrix(c(1, .65, .5, .4,
                 .65, 1, .7, .55,
                 .5, .7, 1, .72,
                 .4, .55, .72, 1), 4)
sigma <- diag(sds) %*% corr %*% diag(sds)
e <- mvrnorm(n, rep(0, 4), sigma)
visit_mean <- c(0.5, 1, 1.5, 2)
cells_effect <- c(1, 2.5, 4, 5)
last <- sample(1:4, n, replace = TRUE, prob = c(.04, .05, .05, .86))
rows <- list()
for (i in 1:n) for (j in 1:last[i]) {
  y <- 2 + 0.3 * (baseline[i] - 50) + visit_mean[j] + (arm[i] == "cells") * cells_effect[j] + e[i, j]
  rows[[length(rows) + 1]] <- data.frame(id = sprintf("P%03d", i), arm = arm[i], visit = visits[j],
                                         baseline = baseline[i], y = round(y, 2))
}
d <- do.call(rbind, rows)
write.csv(d, "two_arms.csv", row.names = FALSE, quote = FALSE)

# 2. Three arms, three visits, baseline and site (three sites), intermittent (non-monotone) missed visits
set.seed(7741)
n <- 90
visits <- paste0("V", 1:3)
arm <- rep(c("placebo", "low", "high"), each = n / 3)
site <- sample(c("S1", "S2", "S3"), n, replace = TRUE)
baseline <- round(rnorm(n, 20, 4), 1)
sds <- c(3, 3.5, 4.5)
corr <- matrix(c(1, .5, .3,
                 .5, 1, .6,
                 .3, .6, 1), 3)
sigma <- diag(sds) %*% corr %*% diag(sds)
e <- mvrnorm(n, rep(0, 3), sigma)
effect <- rbind(placebo = c(0, 0, 0), low = c(.5, 1, 1.5), high = c(1, 2, 3.5))
site_effect <- c(S1 = 0, S2 = 1, S3 = -0.8)
rows <- list()
for (i in 1:n) for (j in 1:3) {
  if (runif(1) < .1) next # a missed visit, whichever it is
  y <- 5 + 0.5 * (baseline[i] - 20) + site_effect[[site[i]]] + 0.4 * j + effect[arm[i], j] + e[i, j]
  rows[[length(rows) + 1]] <- data.frame(id = sprintf("Q%03d", i), arm = arm[i], site = site[i],
                                         visit = visits[j], baseline = baseline[i], y = round(y, 2))
}
d <- do.call(rbind, rows)
write.csv(d, "three_arms.csv", row.names = FALSE, quote = FALSE)
