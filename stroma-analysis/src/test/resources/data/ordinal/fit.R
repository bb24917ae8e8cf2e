# Fits the ordinal data set written by simulate.R with MASS::polr and prints the reference values
# ProportionalOddsReferenceTest holds. Run from this folder:  Rscript fit.R   (R 4.2.2, MASS 7.3-58.2, numDeriv)
#
# polr maximises with optim's BFGS, whose default relative tolerance (1e-8 on the deviance) leaves the estimates
# good to about 1e-5 only; the fits below ask for reltol = 1e-14 so that the reference values are the maximum
# itself. polr's Hessian is optim's finite difference of the analytic gradient (step 1e-3); the SEs from it are
# printed beside those from numDeriv's Richardson-extrapolated Hessian of the same log-likelihood, which the test
# holds (they agree to about 1e-6).
suppressMessages({ library(MASS); library(numDeriv) })
options(digits = 12, width = 150)

d <- read.csv("nyha.csv")
d$arm <- factor(d$arm, levels = c("placebo", "low", "high"))
d$nyha <- factor(d$nyha, levels = c("I", "II", "III", "IV"), ordered = TRUE)
tight <- list(reltol = 1e-14, maxit = 1000)

# log-likelihood in (beta, zeta), written out for numDeriv
loglik <- function(par, X, y) {
  p <- ncol(X); zeta <- par[-seq_len(p)]; eta <- drop(X %*% par[seq_len(p)])
  upper <- c(zeta, Inf)[y]; lower <- c(-Inf, zeta)[y]
  sum(log(plogis(upper - eta) - plogis(lower - eta)))
}

report <- function(fit, formula) {
  cat("-- summary (polr's own Hessian)\n")
  print(coef(summary(fit)))
  est <- c(coef(fit), fit$zeta)
  X <- model.matrix(formula, d)[, -1, drop = FALSE]
  y <- as.integer(d$nyha)
  stopifnot(abs(loglik(est, X, y) - logLik(fit)) < 1e-9)
  V <- solve(-hessian(loglik, est, X = X, y = y))
  se <- sqrt(diag(V))
  z <- est / se
  cat("-- estimate, SE (numDeriv Hessian), z, two-sided p, 95 % Wald CI\n")
  print(cbind(estimate = est, se = se, z = z, p = 2 * pnorm(-abs(z)),
              low = est - qnorm(.975) * se, high = est + qnorm(.975) * se))
  b <- coef(fit); sb <- se[seq_along(b)]
  cat("-- odds ratio exp(beta) and its 95 % CI\n")
  print(cbind(or = exp(b), low = exp(b - qnorm(.975) * sb), high = exp(b + qnorm(.975) * sb)))
  cat("-- logLik, deviance, AIC, convergence, iterations\n")
  print(c(logLik = as.numeric(logLik(fit)), deviance = deviance(fit), AIC = AIC(fit), convergence = fit$convergence))
  print(fit$niter)
}

cat("==== nyha ~ arm + baseline\n")
full <- polr(nyha ~ arm + baseline, data = d, Hess = TRUE, control = tight)
report(full, ~ arm + baseline)
cat("-- polr with its default tolerance, for comparison\n")
print(c(coef(polr(nyha ~ arm + baseline, data = d)), polr(nyha ~ arm + baseline, data = d)$zeta))
cat("-- likelihood-ratio test of arm: drop1\n")
print(drop1(full, test = "Chisq"))
cat("-- the same as anova of the nested fits\n")
noarm <- polr(nyha ~ baseline, data = d, Hess = TRUE, control = tight)
print(anova(noarm, full))
print(c(logLik_without_arm = as.numeric(logLik(noarm)), chisq = 2 * (logLik(full) - logLik(noarm)),
        p = pchisq(2 * as.numeric(logLik(full) - logLik(noarm)), 2, lower.tail = FALSE)))

cat("==== nyha ~ arm (no covariate)\n")
armonly <- polr(nyha ~ arm, data = d, Hess = TRUE, control = tight)
report(armonly, ~ arm)
null <- polr(nyha ~ 1, data = d, control = tight)
print(anova(null, armonly))
print(c(logLik_null = as.numeric(logLik(null)), chisq = 2 * (logLik(armonly) - logLik(null)),
        p = pchisq(2 * as.numeric(logLik(armonly) - logLik(null)), 2, lower.tail = FALSE)))

cat("==== placebo and high only, nyha ~ arm + baseline (two arms)\n")
two <- droplevels(d[d$arm != "low", ])
d_all <- d; d <- two
twofit <- polr(nyha ~ arm + baseline, data = d, Hess = TRUE, control = tight)
report(twofit, ~ arm + baseline)
print(drop1(twofit, test = "Chisq"))
d <- d_all

cat("==== class III recorded as II (III listed but empty): polr on the observed categories, I, II, IV\n")
# Stroma drops the empty category; polr 7.3-58 keeps it and returns II|III and III|IV where its optimiser stopped,
# so the reference is polr on the observed categories (droplevels).
d$nyha <- droplevels(factor(ifelse(d$nyha == "III", "II", as.character(d$nyha)), levels = c("I", "II", "III", "IV"),
                            ordered = TRUE))
collapsed <- polr(nyha ~ arm + baseline, data = d, Hess = TRUE, control = tight)
report(collapsed, ~ arm + baseline)
