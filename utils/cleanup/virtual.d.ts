declare module 'virtual:ynd-cleanup.css';
