import mpmath as mp, time
from ref import *
mp.mp.dps=50
# Gamma alpha=1: P=1-e^{-u}; dP/da closed form? check vs check(); grad_alpha vs check
t=time.time()
g=gamma_ref(1.0,0.7,2.0); print('gamma a=1 cdf',g['cdf'], 1-mp.exp(-mp.mpf(1.4)))
print(gamma_check(1.0,0.7,2.0)['dcdf_dalpha'], g['dcdf_dalpha'])
# exponential: dP/da at a=1 = int_0^u log t e^-t dt - psi(1) P
u=mp.mpf(1.4); print(mp.quad(lambda t: mp.log(t)*mp.exp(-t),[0,u]) - mp.digamma(1)*(1-mp.exp(-u)))
g=gamma_ref(2.5,1.0); print('cli row', g['cdf'], g['dcdf_dalpha'], g['grad_alpha'])
g=gamma_ref(1e-5,1e-300,1e200); print(g)
print(gamma_ref(20.0,6.0), gamma_check(20.0,6.0))
print(gamma_ref(20.0,50.0)['grad_alpha'], gamma_check(20.0,50.0)['grad_alpha'])
print('time',time.time()-t)
t=time.time()
b=beta_ref(1.0,1.0,0.3); print('uniform', b)
b=beta_ref(2.5,3.0,0.4); print('cli', b['grad_a'], b['grad_b'])
print(beta_check(2.5,3.0,0.4)['grad_a'])
b=beta_ref(0.5,0.5,1e-9); print(b['grad_a'], b['grad_b'])
print('time',time.time()-t)
t=time.time()
v=vm_ref(0.0,1.0); print('unif', v, (1+mp.pi)/(2*mp.pi), mp.sin(1)/(2*mp.pi))
v=vm_ref(1.0,3.0,1.0); print(v); print(vm_check(1.0,3.0,1.0))
v=vm_ref(1.0,-3.0,1.0); print(v['cdf'])
v=vm_ref(1e5,-0.01); print(v); print(vm_check(1e5,-0.01))
print('time',time.time()-t)
