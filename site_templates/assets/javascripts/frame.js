/* Material 9.8.1's two inline scripts, from partials/javascripts/base.html and palette.html, as one
   file the browser caches instead of ~1 KB in every page (site_templates/partials/javascripts/).
   Loaded without defer in <head>, so it runs where Material's first script ran; the header calls
   __na_palette() where Material's second one ran, right after the palette's <form>. The scope is
   the site's root: two folders above this file (or config.extra.scope, as Material reads it). */
(function (s) {
  __md_scope = s.dataset.scope ? new URL(s.dataset.scope, location) : new URL("../..", s.src)
})(document.currentScript);
__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
function __na_palette() {
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
}
