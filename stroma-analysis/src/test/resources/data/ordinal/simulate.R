# Simulates the ordinal test data set of stroma-analysis: NYHA class (I-IV) at 6 months in three arms, with the
# baseline class as a covariate. Run from this folder:  Rscript simulate.R   (R 4.2.2)
set.seed(20261207)
n <- 120
arm <- rep(c("placebo", "low", "high"), each = n / 3)
baseline <- sample(2:4, n, replace = TRUE, prob = c(.35, .45, .20))
# cumulative logit, polr's sign: logit P(Y <= k) = zeta_k - eta; a better arm lowers eta (more subjects in class I)
zeta <- c(-1.6, 0.4, 1.9)
eta <- 1.1 * (baseline - 3) + c(placebo = 0, low = -0.6, high = -1.2)[arm]
u <- runif(n)
cumulative <- plogis(outer(-eta, zeta, "+"))
y <- 1 + rowSums(u > cumulative)
nyha <- c("I", "II", "III", "IV")[y]
d <- data.frame(id = sprintf("N%03d", 1:n), arm = arm, baseline = baseline, nyha = nyha)
write.csv(d, "nyha.csv", row.names = FALSE, quote = FALSE)
print(table(d$arm, d$nyha))
