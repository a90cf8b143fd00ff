import random, math
def cf_iters(a, x, TOL=2**-53, TINY=1e-300):
    # Steed's form with the a-derivative, as IncompleteGamma.continuedFraction
    xma=x-a; d=1/(xma+1); dd=d*d; dh=d; ddh=dd; f=dh; df=ddh
    for n in range(2,501):
        m=n-1; al=m*(a-m); be=xma+(2*m+1); den=be+al*d
        if den==0: den=TINY
        dn=1/den; ddn=-dn*dn*(-1+m*d+al*dd); rho=-al*d*dn; drho=-(m*d*dn+al*(dd*dn+d*ddn))
        ddhn=drho*dh+rho*ddh; dh=rho*dh; ddh=ddhn; d=dn; dd=ddn; f+=dh; df+=ddh
        if abs(dh)<=TOL*abs(f) and abs(ddh)<=TOL*abs(df): return n
    return 9999
def ser_iters(a,x,TOL=2**-53):
    s=1;ds=0;t=1;h=0
    for n in range(1,501):
        an=a+n;t*=x/an;h+=1/an;dt=-t*h;s+=t;ds+=dt
        if t<=s*TOL and -dt<=-ds*TOL: return n
    return 9999
# Iteration counts of the scalar series and continued fraction of IncompleteGamma (same formulas and
# tolerances, Python floats are IEEE doubles): mean per element versus mean of the slowest of 8 lanes.
# Run: python3 kernels-simd/tools/iteration_spread.py (numbers quoted in GammaKernels.VECTOR_ITERATION_BUDGET).
r=random.Random(1)
its=[cf_iters(a, a*(2.4+r.random())) for a in [20+r.random()*1e5 for _ in range(2000)]]
print("cf big a: mean", sum(its)/len(its), "max", max(its), "mean of max per 8:", sum(max(its[i:i+8]) for i in range(0,2000,8))/250)
its=[]
for _ in range(2000):
    a=math.exp(math.log(1e-4)+r.random()*math.log(20/1e-4)); its.append(ser_iters(a,(a+1)*r.random()))
print("series a<20: mean", sum(its)/len(its), "max", max(its), "mean of max per 8:", sum(max(its[i:i+8]) for i in range(0,2000,8))/250)
its=[]
for _ in range(2000):
    a=r.random()*20; x=a+1+30*r.random(); its.append(cf_iters(a,x))
print("cf small a: mean", sum(its)/len(its), "max", max(its), "mean of max per 8:", sum(max(its[i:i+8]) for i in range(0,2000,8))/250)
