"""Loss kernels, dispatched by integer id (see ``core.losses`` for names and formulas)."""

MSE = 0
BCE = 1
CCE = 2
N_LOSSES = 3
