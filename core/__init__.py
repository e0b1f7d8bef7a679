"""Neuralab's maths engine: numpy + Numba, no Qt.

Each concept is its own module (activations, losses, optimizers, mlp, datasets, landscapes,
perceptron, autograd). Compiled kernels live apart in ``core._kernels``; the public modules
validate input, own the arrays and call the kernels.
"""
