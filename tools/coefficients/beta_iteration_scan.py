# iteration counts of the prototype (same algorithm as IncompleteBeta) on a grid, worst cases
import sys, math
sys.path.insert(0, __import__('os').path.dirname(__file__))
import beta_prototype as proto
worst_cf=(0,None); worst_s=(0,None)
def series_count(p,q,u,cap=2000,eps=4.4e-16):
    c=1.0;cq=0.0;S=0.0;Sq=0.0;Sp=0.0
    for j in range(1,cap):
        step=u/j; cq=cq*(j-q)*step-c*step; c=c*(j-q)*step
        t=c/(p+j); tq=cq/(p+j); tp=t*j/(p+j); S+=t; Sq+=tq; Sp+=tp
        if abs(t)<=eps*abs(S) and abs(tq)<=eps*abs(Sq) and abs(tp)<=eps*abs(Sp): return j
    return cap
vals=[1e-4,1e-3,0.01,0.1,0.5,1,2,4,8,20,100,1e3,1e4,1e5,1e6]
import itertools
for a,b in itertools.product(vals,vals):
    xs=(a+1)/(a+b+2)
    for x in [xs*f for f in (0.5,0.9,0.99,0.999,1.0)] + [0.5, 0.25, min(0.5,2/b) if b>0 else 0.5]:
        if not (0<x<1): continue
        y=1-x
        lower = x*(a+b+2) <= a+1
        if lower:
            p,q,u,v=a,b,x,y
        else:
            p,q,u,v=b,a,y,x
        if u<=0.5 and q*u<=2.0:
            n=series_count(p,q,u)
            if n>worst_s[0]: worst_s=(n,(a,b,x))
        else:
            lu=math.log(u); lv=math.log(v)
            d=proto.delta(p,q,u,v,u<=0.5)
            L,Lp,Lq=proto.logpref(p,q,lu,lv,d)
            f,Tp,Tq,n=proto.cf2(p,q,u,v,d,Lp,Lq)
            if n>worst_cf[0]: worst_cf=(n,(a,b,x))
print('fraction worst steps',worst_cf)
print('series worst terms',worst_s)
